-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "deliverAfter" DATETIME;
ALTER TABLE "EmailMessage" ADD COLUMN "deliveryAttempts" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "EmailMessage" ADD COLUMN "leaseOwner" TEXT;
ALTER TABLE "EmailMessage" ADD COLUMN "leaseUntil" DATETIME;

-- CreateIndex
CREATE INDEX "EmailMessage_deliverAfter_idx" ON "EmailMessage"("deliverAfter");
