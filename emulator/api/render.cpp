// Handlers are added here.
