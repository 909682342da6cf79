"""Hook implementations of the disputes plugin (registered under the entry-point group `unioncore`)."""
