"""The county centre console: server-rendered pages for county staff, and the public trace page."""
