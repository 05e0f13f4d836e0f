"""The screens of the facilitator's app: one module per screen (and its dialogs), each with its `.tcss`."""
