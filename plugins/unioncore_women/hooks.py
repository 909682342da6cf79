"""Hook implementations of the women plugin (registered under the entry-point group `unioncore`)."""
