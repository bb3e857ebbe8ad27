"""The office itself.

Settings, users and roles, reference data, numbering, backups, first start, setup checklist, workstation.
"""
