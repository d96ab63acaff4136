-- Written by hand: the shadow replay of db:migration:new fails on PostgreSQL at the audit
-- trigger migration (P3006); scripts/db/migrations.test.ts checks this matches the schema.
-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "keyId" TEXT,
    "keyName" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'processed',
    "fromEmail" TEXT NOT NULL,
    "fromName" TEXT,
    "toEmails" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "textBody" TEXT,
    "htmlBody" TEXT,
    "headers" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "details" TEXT NOT NULL DEFAULT '{}',
    "raw" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailMessage_accountId_createdAt_idx" ON "EmailMessage"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_accountId_keyId_idx" ON "EmailMessage"("accountId", "keyId");

-- AddForeignKey
ALTER TABLE "EmailMessage" ADD CONSTRAINT "EmailMessage_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
