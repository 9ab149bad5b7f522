# "E" is the genitive month name Greek needs after a day number.
DATE_FORMAT = "l j E Y"
SHORT_DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j E"
