"""What editors see in the Wagtail admin beyond the page editor itself."""
