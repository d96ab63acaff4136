-- Written by hand: the shadow replay of db:migration:new fails on PostgreSQL at the audit
-- trigger migration (P3006); scripts/db/migrations.test.ts checks this matches the schema.
-- CreateTable
CREATE TABLE "ApiKeyUsage" (
    "apiKeyId" TEXT NOT NULL,
    "hourStart" TIMESTAMP(3) NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKeyUsage_pkey" PRIMARY KEY ("apiKeyId","hourStart")
);

-- CreateIndex
CREATE INDEX "ApiKeyUsage_hourStart_idx" ON "ApiKeyUsage"("hourStart");
