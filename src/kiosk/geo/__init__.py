"""Map geometry and place codes; pure Python, no Qt."""
