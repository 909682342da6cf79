"""Reusable widgets: a paged table and forms built from the core's field declarations."""
