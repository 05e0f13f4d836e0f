"""The room and the team: following the facilitator's session, participants joining from their phones."""
