#include "core/journal/DirectoryLock.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rl {

DirectoryLock::DirectoryLock(const std::string &directory)
{
    const std::string path = directory + "/journal.lock";
    m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (m_fd < 0)
        throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(m_fd);
        m_fd = -1;
        if (error == EWOULDBLOCK)
            throw std::runtime_error("the journal in " + directory + " is in use by another process");
        throw std::runtime_error("cannot lock " + path + ": " + std::strerror(error));
    }
}

DirectoryLock::~DirectoryLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

} // namespace rl
