-- Stands for a chassis migration written after databases were migrated (ChassisMigrationsTest).
create table later_chassis_table (id int primary key);
