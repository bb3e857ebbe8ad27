"""The SOP engine: SOP files, cases and their steps, working days, worklists, the SOP view.

It knows no SOP: nothing here imports sijarla or inovasi.
"""
