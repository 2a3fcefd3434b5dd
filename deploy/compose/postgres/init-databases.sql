-- One database per service (run once, when the data volume is new); each service creates its
-- tables itself with Flyway at start.
CREATE DATABASE requests;
CREATE DATABASE programs;
CREATE DATABASE equipment;
CREATE DATABASE reporting;
