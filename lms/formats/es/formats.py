"""The project's date formats in Spanish: a day as "1 de diciembre de 2026" and a moment as
"1 de diciembre de 2026, 14:30" (Spanish writes month names in lower case, which Django's
abbreviated "M" would capitalise). Numbers keep Django's Spanish separators."""

DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
