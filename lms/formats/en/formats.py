"""The project's date formats: one way of writing a day ("1 Dec 2026") and a moment
("1 Dec 2026, 14:30") on every page, whatever the format Django's English locale prefers."""

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
