"""Hook implementations of the ankang plugin (registered under the entry-point group `unioncore`)."""
