"""Services around the content: reports for curators, and (to come) station config, activation, logs."""
