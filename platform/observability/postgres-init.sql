-- One database per service that keeps state, as ./tipline local creates them.
CREATE DATABASE intake;
CREATE DATABASE triage;
CREATE DATABASE dispatch;
CREATE DATABASE audit;
