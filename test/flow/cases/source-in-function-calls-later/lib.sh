clear_a
