# "4 грудня", not "04 Грудень": the day and the month in the genitive, as Ukrainian writes dates.
MONTH_DAY_FORMAT = "j E"
