"""The SOP engine on screen: role tabs and their registry, worklists, SOP matrix, case file, search."""
