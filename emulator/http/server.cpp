// Routes are added here.
