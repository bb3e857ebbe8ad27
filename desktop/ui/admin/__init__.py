"""The Administrator tab.

Users and roles, office and letterhead, reference data, signing, backups, audit, workstation.
"""
