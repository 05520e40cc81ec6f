import { NavLink } from 'react-router';
import type { NavSection } from '../app/navigation';

interface SideNavProps {
  sections: NavSection[];
  open: boolean;
  onNavigate: () => void;
}

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-md px-3 py-2 text-sm ${isActive ? 'bg-sky-900/40 text-sky-200' : 'text-slate-300 hover:bg-slate-800 hover:text-slate-100'}`;

/** Always shown beside the page on wide screens; on a phone it is a drawer the menu button opens. */
export function SideNav({ sections, open, onNavigate }: SideNavProps) {
  return (
    <nav
      id="main-nav"
      aria-label="Main"
      data-testid="main-nav"
      className={`${open ? 'block' : 'hidden'} border-b border-slate-800 bg-slate-900/95 px-3 py-4 md:sticky md:top-14 md:block md:h-[calc(100vh-3.5rem)] md:w-56 md:shrink-0 md:overflow-y-auto md:border-b-0 md:border-r`}
    >
      {sections.map((section) => (
        <div key={section.label} className="mb-4">
          <p className="px-3 pb-1 text-xs font-medium uppercase tracking-wider text-slate-500">
            {section.label}
          </p>
          <ul className="space-y-0.5">
            {section.links.map((link) => (
              <li key={link.path}>
                <NavLink to={link.path} className={linkClass} onClick={onNavigate}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
