// This page's own loading state, not the dashboard's: see components/ui/page-loading.tsx.
export { PageLoading as default } from "@/components/ui/page-loading";
