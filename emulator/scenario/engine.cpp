// The engine is implemented here.
