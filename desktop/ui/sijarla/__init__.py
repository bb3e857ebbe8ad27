"""The SIJARLA desks.

Front desk, Kabid Pelayanan, Kepala Dinas, the team, the recap, with their panels and dialogs.
"""
