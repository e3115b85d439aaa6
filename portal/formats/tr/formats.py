# "4 Aralık", without Django's leading zero.
MONTH_DAY_FORMAT = "j F"
