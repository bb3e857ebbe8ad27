"""The one password of every demo account (printed on start and shown in the login window)."""

DEMO_PASSWORD = "demo12345"
