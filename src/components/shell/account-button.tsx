import { ChevronDown, CircleUser } from 'lucide-react';
import { Button } from '@/components/ui/button';

/** The header's account button: the menu's trigger, and the same button while the menu's code loads. */
export function AccountButton({ name, ...props }: { name: string } & React.ComponentProps<typeof Button>) {
  return (
    <Button variant="outline" size="sm" aria-label={`Account menu for ${name}`} {...props}>
      <CircleUser className="sm:hidden" aria-hidden />
      <span className="hidden sm:inline">{name}</span>
      <ChevronDown className="hidden sm:block" />
    </Button>
  );
}
