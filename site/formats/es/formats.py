DATE_FORMAT = r"l j \d\e F \d\e Y"
SHORT_DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = r"j \d\e F"
