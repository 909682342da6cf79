"""Hook implementations of the competitions plugin (registered under the entry-point group `unioncore`)."""
