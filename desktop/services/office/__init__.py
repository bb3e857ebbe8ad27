"""The office itself.

Settings and letterhead, users and roles, reference data, numbering patterns, backups, the setup checklist.
"""
