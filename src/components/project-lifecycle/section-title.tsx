import { PageHeader } from '@/components/ui/card';

/**
 * A project tab's h1, as the other tabs have it: the section and the project's title (the project layout above it
 * carries only the tab bar).
 */
export function SectionTitle({ title, description }: { title: string; description?: string }) {
  return <PageHeader title={title} description={description} />;
}
