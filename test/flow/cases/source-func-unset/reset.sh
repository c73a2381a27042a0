unset X
