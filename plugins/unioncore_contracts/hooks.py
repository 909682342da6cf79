"""Hook implementations of the contracts plugin (registered under the entry-point group `unioncore`)."""
