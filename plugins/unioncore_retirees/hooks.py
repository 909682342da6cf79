"""Hook implementations of the retirees plugin (registered under the entry-point group `unioncore`)."""
