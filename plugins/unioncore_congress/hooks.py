"""Hook implementations of the congress plugin (registered under the entry-point group `unioncore`)."""
