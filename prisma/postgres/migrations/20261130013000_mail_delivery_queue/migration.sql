-- Written by hand: the shadow replay of db:migration:new fails on PostgreSQL at the audit
-- trigger migration (P3006); scripts/db/migrations.test.ts checks this matches the schema.
-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "deliverAfter" TIMESTAMP(3),
ADD COLUMN     "deliveryAttempts" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "EmailMessage_deliverAfter_idx" ON "EmailMessage"("deliverAfter");
