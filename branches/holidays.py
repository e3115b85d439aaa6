"""French public holidays, for exceptions and repeating stops."""

import datetime

from dateutil.easter import easter


def public_holidays(year):
    """The French public holidays of `year` as (date, French name), in date order."""
    sunday = easter(year)
    return sorted(
        [
            (datetime.date(year, 1, 1), "Jour de l'an"),
            (sunday + datetime.timedelta(days=1), "Lundi de Pâques"),
            (datetime.date(year, 5, 1), "Fête du Travail"),
            (datetime.date(year, 5, 8), "Victoire 1945"),
            (sunday + datetime.timedelta(days=39), "Ascension"),
            (sunday + datetime.timedelta(days=50), "Lundi de Pentecôte"),
            (datetime.date(year, 7, 14), "Fête nationale"),
            (datetime.date(year, 8, 15), "Assomption"),
            (datetime.date(year, 11, 1), "Toussaint"),
            (datetime.date(year, 11, 11), "Armistice 1918"),
            (datetime.date(year, 12, 25), "Noël"),
        ]
    )
