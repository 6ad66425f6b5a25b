"""Exchanging data with other programs: calendars (iCalendar), and later vCard and spreadsheets."""
