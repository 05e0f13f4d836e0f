"""What a session becomes for readers: the summary, the exports (Markdown, HTML, text), anonymising."""
