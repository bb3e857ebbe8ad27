"""The SOP engine on screen: worklists, the SOP matrix, the case file and search."""
