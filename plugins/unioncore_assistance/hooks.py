"""Hook implementations of the assistance plugin (registered under the entry-point group `unioncore`)."""
