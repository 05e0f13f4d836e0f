"""A team's year: teams, looking back at last time, contact hours, activities, the trajectory, calendars."""
