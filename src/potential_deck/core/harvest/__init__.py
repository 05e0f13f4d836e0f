"""The harvest: growth opportunities, dots, merges, undo, the joint learning question and the step plan."""
