"""The words, as data: Dutch and English tables by idea, text cleaning and big letters for the room."""
