"""The tabs of the main screen and the dialogs they open."""
