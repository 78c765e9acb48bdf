-- DropTable
DROP TABLE "LoginThrottle";

