-- Written by hand: db:migration:new stops at PostgreSQL's shadow replay (P3006, audit trigger
-- migration); scripts/db/migrations.test.ts checks this matches the schema.
-- CreateTable
CREATE TABLE "ApiKeyUsage" (
    "apiKeyId" TEXT NOT NULL,
    "hourStart" DATETIME NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("apiKeyId", "hourStart")
);

-- CreateIndex
CREATE INDEX "ApiKeyUsage_hourStart_idx" ON "ApiKeyUsage"("hourStart");
